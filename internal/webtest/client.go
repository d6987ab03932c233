package webtest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Client is a browser: it keeps cookies, does not follow redirects (so a
// test sees each 303), and remembers the CSRF token of the last page it
// got, which PostForm sends as _csrf.
type Client struct {
	HTTP *http.Client
	base func() string
	mu   sync.Mutex
	csrf string
}

// NewClient returns a client of the app at baseURL (e.g. a server started
// as a child process).
func NewClient(baseURL string) *Client { return newClient(func() string { return baseURL }) }

func newClient(base func() string) *Client {
	jar, _ := cookiejar.New(nil) // never fails without options
	return &Client{base: base, HTTP: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Response is a read response.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Location is the redirect target.
func (r *Response) Location() string { return r.Header.Get("Location") }

// Doc parses the body as HTML.
func (r *Response) Doc(t testing.TB) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Login logs in and fails the test unless the server accepts it; it then
// fetches the start page for the session's new CSRF token.
func (c *Client) Login(t testing.TB, username, password string) {
	t.Helper()
	res := c.PostForm(t, "/login", url.Values{"username": {username}, "password": {password}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("login as %s: status %d, want 303; body: %.300s", username, res.Status, res.Body)
	}
	c.SetCSRF("")
	c.Get(t, "/")
}

// Get requests path.
func (c *Client) Get(t testing.TB, path string) *Response {
	t.Helper()
	return c.do(t, http.MethodGet, path, nil, nil)
}

// PostForm posts form with the CSRF token (fetching a page for one first
// if the client has none).
func (c *Client) PostForm(t testing.TB, path string, form url.Values) *Response {
	t.Helper()
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	f.Set("_csrf", c.Token(t))
	return c.PostFormRaw(t, path, f)
}

// File is a file a multipart form uploads.
type File struct {
	Name string
	Data []byte
}

// PostMultipart posts fields and files as multipart/form-data, as a form
// with a file input does, with the CSRF token.
func (c *Client) PostMultipart(t testing.TB, path string, fields url.Values, files map[string]File) *Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	write := func(name, value string) {
		if err := w.WriteField(name, value); err != nil {
			t.Fatal(err)
		}
	}
	write("_csrf", c.Token(t))
	for k, vs := range fields {
		for _, v := range vs {
			write(k, v)
		}
	}
	for field, f := range files {
		fw, err := w.CreateFormFile(field, f.Name)
		if err == nil {
			_, err = fw.Write(f.Data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return c.do(t, http.MethodPost, path, &body, http.Header{"Content-Type": {w.FormDataContentType()}})
}

// PostFormRaw posts form as it is, without adding a CSRF token.
func (c *Client) PostFormRaw(t testing.TB, path string, form url.Values) *Response {
	t.Helper()
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	return c.do(t, http.MethodPost, path, strings.NewReader(form.Encode()), h)
}

// Do sends a request with any method and headers.
func (c *Client) Do(t testing.TB, method, path string, body io.Reader, h http.Header) *Response {
	t.Helper()
	return c.do(t, method, path, body, h)
}

// Token returns the CSRF token of the last page, fetching the start page
// (or, for a visitor, whom it sends to the public reports, the login
// page) when there is none.
func (c *Client) Token(t testing.TB) string {
	t.Helper()
	if tok := c.token(); tok != "" {
		return tok
	}
	if res := c.Get(t, "/"); res.Status == http.StatusSeeOther {
		c.Get(t, "/login")
	}
	return c.token()
}

// SetCSRF replaces the remembered token ("" forgets it).
func (c *Client) SetCSRF(tok string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.csrf = tok
}

func (c *Client) token() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.csrf
}

func (c *Client) do(t testing.TB, method, path string, body io.Reader, h http.Header) *Response {
	t.Helper()
	res, err := c.Send(method, path, body, h)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return res
}

// Send is Do without a test: it returns the transport's error (a test that
// kills the server expects some).
func (c *Client) Send(method, path string, body io.Reader, h http.Header) (*Response, error) {
	req, err := http.NewRequest(method, c.base()+path, body)
	if err != nil {
		return nil, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	r := &Response{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
	c.remember(r)
	return r, nil
}

// remember keeps the token of an HTML page's <meta name="csrf-token">.
func (c *Client) remember(r *Response) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		return
	}
	if m := csrfMeta.FindStringSubmatch(r.Body); m != nil && m[1] != "" {
		c.SetCSRF(m[1])
	}
}

// csrfMeta finds the token in the page head as views/layout writes it.
var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]*)"`)

// NewClientWithJar returns a client of the app at baseURL that uses jar,
// e.g. the cookies of another client after the server moved.
func NewClientWithJar(baseURL string, jar http.CookieJar) *Client {
	c := NewClient(baseURL)
	c.HTTP.Jar = jar
	return c
}
