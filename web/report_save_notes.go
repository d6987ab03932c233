package web

import (
	"context"
	"encoding/json"
	"log/slog"
)

// keySaveNotes holds, from a plain save to the editor page it redirects
// to, what that save has to tell the clerk.
const keySaveNotes = "save_notes"

// saveNotes is what a plain save (post/redirect/get) says on the page
// after it: the notes on text fields it cleaned (what was taken out), and
// what a merge took from another save. The live check says these in its
// answer; a redirect would lose them.
type saveNotes struct {
	Report  int64             `json:"r"`
	Version int               `json:"v"`
	Cleaned map[string]string `json:"c,omitempty"`
	Notice  string            `json:"n,omitempty"`
}

// keepSaveNotes keeps a plain save's notes for the page after it; a save
// with nothing to say keeps nothing.
func (s *Server) keepSaveNotes(ctx context.Context, n saveNotes) {
	if len(n.Cleaned) == 0 && n.Notice == "" {
		return
	}
	b, err := json.Marshal(n)
	if err != nil {
		slog.Error("keeping a save's notes", "error", err)
		return
	}
	s.sessions.Put(ctx, keySaveNotes, string(b))
}

// takeSaveNotes returns, once, the notes a plain save kept, when they are
// of this report's version shown (after another save they no longer
// describe the page); ok is false when there are none.
func (s *Server) takeSaveNotes(ctx context.Context, report int64, version int) (n saveNotes, ok bool) {
	raw := s.sessions.PopString(ctx, keySaveNotes)
	if raw == "" {
		return n, false
	}
	if err := json.Unmarshal([]byte(raw), &n); err != nil {
		slog.Warn("reading a save's notes", "error", err)
		return n, false
	}
	return n, n.Report == report && n.Version == version
}
