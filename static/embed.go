// Package static holds the files the app serves (CSS, JavaScript, htmx) and
// the fonts the PDF embeds, all compiled into the binary. Served files get
// a content hash in their URL so that browsers may cache them for good.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed css js
var assets embed.FS

// The fonts are []byte variables, not an embed.FS: ReadFile copies, and
// copying the three faces (40 MB) was most of what `nianbao render` took.
var (
	//go:embed fonts/NotoSerifSC_400Regular.ttf
	notoSerifRegular []byte
	//go:embed fonts/NotoSerifSC_700Bold.ttf
	notoSerifBold []byte
	//go:embed fonts/NotoSansSC_500Medium.ttf
	notoSansMedium []byte
)

var fonts = map[string][]byte{
	"NotoSerifSC_400Regular.ttf": notoSerifRegular,
	"NotoSerifSC_700Bold.ttf":    notoSerifBold,
	"NotoSansSC_500Medium.ttf":   notoSansMedium,
}

// Prefix is where static files are served.
const Prefix = "/static/"

type asset struct {
	data        []byte
	hash        string
	contentType string
}

// byName indexes the served files, hashed at first use rather than at
// start: the first content type looked up reads the system's MIME tables,
// which a command that serves nothing (nianbao render) need not pay for.
var byName = sync.OnceValue(load)

func load() map[string]asset {
	m := map[string]asset{}
	err := fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "LICENSE") {
			return err
		}
		data, err := assets.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ct := mime.TypeByExtension(path.Ext(p))
		m[p] = asset{data: data, hash: hex.EncodeToString(sum[:])[:12], contentType: ct}
		return nil
	})
	if err != nil {
		panic("static: " + err.Error()) // the embedded tree is fixed at build time
	}
	return m
}

// URL returns the content-hashed address of a static file, e.g.
// /static/3f2a…/css/app.css. It panics on an unknown name, which a test of
// every page catches.
func URL(name string) string {
	a, ok := byName()[name]
	if !ok {
		panic("static: no file " + name)
	}
	return Prefix + a.hash + "/" + name
}

// File returns the content of a served file, e.g. css/report.css, for a
// document written to disk with its stylesheet inlined.
func File(name string) ([]byte, error) {
	a, ok := byName()[name]
	if !ok {
		return nil, fmt.Errorf("static: no file %s", name)
	}
	return a.data, nil
}

// Handler serves /static/<hash>/<name>. A current hash is cached as
// immutable; a stale one (a page from before an upgrade) still gets the file,
// uncached.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hash, name, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, Prefix), "/")
		a, found := byName()[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		if hash == a.hash {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		w.Header().Set("Content-Type", a.contentType)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(a.data)
	})
}

// Font returns an embedded TrueType font by file name (see fonts/README.md).
// The bytes are the binary's own, not a copy, so that a process touches
// only the parts of a face it reads; callers must not change them.
func Font(name string) ([]byte, error) {
	if b, ok := fonts[name]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("static: no font %s", name)
}
