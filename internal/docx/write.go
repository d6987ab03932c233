package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"

	"nianbao/internal/report"
)

// ContentType is the media type of a .docx file.
const ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Write writes r as a .docx. The output depends on the report alone (the
// zip's times are the publication date, or a fixed date for a draft), so a
// published revision always downloads as the same bytes.
func Write(w io.Writer, r *report.Report) error {
	var body bytes.Buffer
	writeDocument(&body, r)
	stamp := stampOf(r)
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreProps(r, stamp)},
		{"docProps/app.xml", []byte(appProps)},
		{"word/document.xml", body.Bytes()},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
		{"word/styles.xml", []byte(styles)},
		{"word/settings.xml", []byte(settings)},
		{"word/fontTable.xml", []byte(fontTableXML)},
		{"word/footer1.xml", []byte(footer)},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// stampOf is the time the file says it was made: noon of the publication
// date in China, or 1 January of the year after the report's (when reports
// are written) for a draft.
func stampOf(r *report.Report) time.Time {
	china := time.FixedZone("CST", 8*3600)
	if p := r.Publication; p != nil {
		if d, err := time.ParseInLocation(time.DateOnly, p.Date, china); err == nil {
			return d.Add(12 * time.Hour)
		}
	}
	year := max(r.Year+1, 1981)
	return time.Date(year, 1, 1, 12, 0, 0, 0, china)
}

func coreProps(r *report.Report, stamp time.Time) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	escape(&b, r.DisplayTitle())
	b.WriteString(`</dc:title><dc:creator>`)
	escape(&b, r.Org)
	b.WriteString(`</dc:creator><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">`)
	b.WriteString(stamp.UTC().Format(time.RFC3339))
	b.WriteString(`</dcterms:created></cp:coreProperties>`)
	return b.Bytes()
}
