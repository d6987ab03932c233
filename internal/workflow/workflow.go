// Package workflow is the life of a report: its states (草稿 → 待审核 →
// 已退回 … → 已审核 → 已发布), the actions that move it, and who may take
// each action in which state, with the reason in Chinese when not. It is
// pure: no HTTP, no SQL; the web layer asks it before the store acts.
package workflow

import (
	"fmt"
	"unicode/utf8"
)

// State of a report revision.
type State string

const (
	Draft     State = "draft"     // 草稿: the clerk is writing
	Submitted State = "submitted" // 待审核: waiting for the reviewer
	Returned  State = "returned"  // 已退回: back with the clerk, with comments
	Approved  State = "approved"  // 已审核: ready to publish
	Published State = "published" // 已发布: public and frozen
)

// NotStarted is shown on the board for a body without a report that year.
const NotStarted State = ""

// Label is the state's Chinese name.
func (s State) Label() string {
	switch s {
	case Draft:
		return "草稿"
	case Submitted:
		return "待审核"
	case Returned:
		return "已退回"
	case Approved:
		return "已审核"
	case Published:
		return "已发布"
	}
	return "未开始"
}

// Editable reports whether the clerk may change the report in this state.
func (s State) Editable() bool { return s == Draft || s == Returned }

// Action moves a report from one state to another.
type Action string

const (
	Submit   Action = "submit"   // clerk: send for review
	Withdraw Action = "withdraw" // clerk: take a submission back to edit it
	Return   Action = "return"   // reviewer: send back with comments
	Approve  Action = "approve"  // reviewer
	Revoke   Action = "revoke"   // reviewer: undo an approval before publishing
	Publish  Action = "publish"  // reviewer or administrator
	Correct  Action = "correct"  // start a corrected revision of a published report
)

// Actions lists every action, in the order a report meets them.
var Actions = []Action{Submit, Withdraw, Return, Approve, Revoke, Publish, Correct}

// Label is the action's Chinese name (the button's text).
func (a Action) Label() string {
	return map[Action]string{Submit: "提交审核", Withdraw: "撤回", Return: "退回修改", Approve: "审核通过",
		Revoke: "撤销审核", Publish: "发布", Correct: "发起更正"}[a]
}

// AsksConfirmation says whether the action is confirmed before it is
// taken: approving locks the clerk out, publishing cannot be taken back.
func (a Action) AsksConfirmation() bool { return a == Approve || a == Publish }

// Roles says in which capacities a person acts on this report's body.
type Roles struct {
	Clerk, Reviewer, Admin bool
}

// Facts are what the rules of an action depend on besides state and role.
type Facts struct {
	Errors int // error findings of a final check
	// UnexplainedWarnings are warnings without the clerk's written reason;
	// LongReasons those whose reason is longer than MaxReason.
	UnexplainedWarnings, LongReasons int
	// Reason is the text given with the action (a return's comment, a
	// correction's 更正说明).
	Reason string
	// OwnSubmission: the person acting submitted the version acted on.
	// Unless SelfReview (the body's explicit setting for an office of
	// one), they may not approve or publish it: a second pair of eyes.
	OwnSubmission, SelfReview bool
}

// MaxReason is the length of a reason, in characters: a return's comments,
// a revocation's reason, a correction's 更正说明.
const MaxReason = 2000

// Refusal says why an action cannot be taken, in Chinese. NotYours marks a
// refusal because of who asks (not the report's state or content).
type Refusal struct {
	Msg      string
	NotYours bool
}

func (r *Refusal) Error() string { return r.Msg }

func refuse(format string, args ...any) error { return &Refusal{Msg: fmt.Sprintf(format, args...)} }

type rule struct {
	from  []State
	to    State
	who   func(Roles) bool
	whoZh string
	check func(Facts) error
}

var rules = map[Action]rule{
	Submit:   {[]State{Draft, Returned}, Submitted, clerk, "填报人", submittable},
	Withdraw: {[]State{Submitted}, Draft, clerk, "填报人", nil},
	Return:   {[]State{Submitted}, Returned, reviewer, "审核人", needReason("请写明退回的理由或修改意见")},
	Approve:  {[]State{Submitted}, Approved, reviewer, "审核人", all(secondPerson, noErrors)},
	Revoke:   {[]State{Approved}, Returned, reviewer, "审核人", needReason("请写明撤销审核的理由")},
	Publish:  {[]State{Approved}, Published, reviewerOrAdmin, "审核人或管理员", all(secondPerson, noErrors)},
	Correct:  {[]State{Published}, Draft, clerkOrReviewer, "填报人或审核人", needReason("请写明更正说明（更正什么、为什么）")},
}

func clerk(r Roles) bool           { return r.Clerk }
func reviewer(r Roles) bool        { return r.Reviewer }
func reviewerOrAdmin(r Roles) bool { return r.Reviewer || r.Admin }
func clerkOrReviewer(r Roles) bool { return r.Clerk || r.Reviewer }

// Next returns the state an action leads to, or a *Refusal saying why it
// cannot be taken now by this person.
func Next(from State, a Action, who Roles, f Facts) (State, error) {
	r, ok := rules[a]
	if !ok {
		return from, refuse("未知的操作")
	}
	if !r.who(who) {
		return from, &Refusal{Msg: fmt.Sprintf("只有本单位的%s可以%s", r.whoZh, a.Label()), NotYours: true}
	}
	if !contains(r.from, from) {
		return from, refuse("报告当前为“%s”，不能%s", from.Label(), a.Label())
	}
	if r.check != nil {
		if err := r.check(f); err != nil {
			return from, err
		}
	}
	return r.to, nil
}

// Allowed lists the actions this person may try in this state (their
// buttons); facts are checked only when the action is taken.
func Allowed(from State, who Roles) []Action {
	var out []Action
	for _, a := range Actions {
		r := rules[a]
		if r.who(who) && contains(r.from, from) {
			out = append(out, a)
		}
	}
	return out
}

func submittable(f Facts) error {
	if f.Errors > 0 {
		return refuse("报告还有%d个错误，改正后才能提交", f.Errors)
	}
	if f.UnexplainedWarnings > 0 {
		return refuse("还有%d个提醒没有写明原因，请逐条说明后再提交", f.UnexplainedWarnings)
	}
	if f.LongReasons > 0 {
		return refuse("有%d条提醒的原因超过%d个字，请删减后再提交", f.LongReasons, MaxReason)
	}
	return nil
}

func noErrors(f Facts) error {
	if f.Errors > 0 {
		return refuse("报告还有%d个错误，不能通过", f.Errors)
	}
	return nil
}

func needReason(msg string) func(Facts) error {
	return func(f Facts) error {
		switch n := utf8.RuneCountInString(f.Reason); {
		case n < 2:
			return refuse("%s", msg)
		case n > MaxReason:
			return refuse("理由最多%d个字（现有%d个字），请删减后再提交", MaxReason, n)
		}
		return nil
	}
}

// secondPerson refuses to let whoever submitted a version approve or
// publish it, unless the body allows one person both.
func secondPerson(f Facts) error {
	if f.OwnSubmission && !f.SelfReview {
		return &Refusal{Msg: "这一版是您本人提交的，须由另一位审核人审核和发布。" +
			"本单位只有一人填报和审核时，可请管理员在机关设置中允许同一人提交和审核。", NotYours: true}
	}
	return nil
}

// all runs checks in order and returns the first refusal.
func all(checks ...func(Facts) error) func(Facts) error {
	return func(f Facts) error {
		for _, c := range checks {
			if err := c(f); err != nil {
				return err
			}
		}
		return nil
	}
}

func contains(states []State, s State) bool {
	for _, x := range states {
		if x == s {
			return true
		}
	}
	return false
}
