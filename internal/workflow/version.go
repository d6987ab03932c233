package workflow

// Versions are the versions an action meets: the one the reader saw when
// they chose it, the report's current one, and the one last reviewed.
type Versions struct {
	Seen, Current, Reviewed int
}

// OnVersion refuses an action not taken on what the reader saw (an
// approval is of the version read; a save in between means they must look
// again), and a publication of any version other than the reviewed one.
// It is asked after Next allowed the action.
func OnVersion(a Action, v Versions) error {
	if v.Seen != v.Current {
		return refuse("报告在您打开之后又有了修改，请看过最新内容后再操作。")
	}
	if a == Publish && v.Current != v.Reviewed {
		return refuse("发布的必须是审核通过的版本，请重新审核。")
	}
	return nil
}
