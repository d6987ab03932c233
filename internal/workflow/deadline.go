package workflow

import "time"

// ChinaTime is the clock of the app: deadlines, dates of publication and
// the times shown to users (China keeps no daylight saving).
var ChinaTime = time.FixedZone("CST", 8*3600)

// DaysLeft is the number of days from today (in China) to the deadline's
// date: 0 on the day itself, negative once it has passed.
func DaysLeft(deadline, now time.Time) int {
	today := now.In(ChinaTime)
	d0 := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	d1 := time.Date(deadline.Year(), deadline.Month(), deadline.Day(), 0, 0, 0, 0, time.UTC)
	return int(d1.Sub(d0).Hours() / 24)
}
