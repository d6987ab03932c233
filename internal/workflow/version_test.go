package workflow

import (
	"errors"
	"testing"
)

func TestOnVersion(t *testing.T) {
	const changed, unreviewed = "报告在您打开之后又有了修改，请看过最新内容后再操作。", "发布的必须是审核通过的版本，请重新审核。"
	tests := []struct {
		name string
		a    Action
		v    Versions
		want string // "" allowed
	}{
		{"approve what was seen", Approve, Versions{Seen: 4, Current: 4, Reviewed: 2}, ""},
		{"approve after a save in between", Approve, Versions{Seen: 3, Current: 4, Reviewed: 2}, changed},
		{"return with no version sent", Return, Versions{Seen: 0, Current: 4}, changed},
		{"publish the reviewed version", Publish, Versions{Seen: 5, Current: 5, Reviewed: 5}, ""},
		{"publish a version never reviewed", Publish, Versions{Seen: 6, Current: 6, Reviewed: 5}, unreviewed},
		{"publish after a save in between", Publish, Versions{Seen: 5, Current: 6, Reviewed: 5}, changed},
		{"submit is not held to the reviewed version", Submit, Versions{Seen: 6, Current: 6, Reviewed: 5}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := OnVersion(tc.a, tc.v)
			var r *Refusal
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (!errors.As(err, &r) || r.Msg != tc.want || r.NotYours):
				t.Fatalf("got %v, want refusal %q", err, tc.want)
			}
		})
	}
}
