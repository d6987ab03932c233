package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, one
// lane), about 25 ms on one core — slow for a guesser, quick for a login.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// MinPasswordLen and MaxPasswordLen bound a new password (in characters
// and bytes respectively).
const (
	MinPasswordLen = 8
	MaxPasswordLen = 256
)

// PasswordProblem says in Chinese what is wrong with a new password, or ""
// when it is acceptable.
func PasswordProblem(pw string) string {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return fmt.Sprintf("密码至少%d个字符", MinPasswordLen)
	case len(pw) > MaxPasswordLen:
		return fmt.Sprintf("密码最多%d个字节", MaxPasswordLen)
	case strings.TrimSpace(pw) != pw:
		return "密码首尾不能有空格"
	}
	return ""
}

// HashPassword returns an argon2id hash of pw in the usual encoded form
// ($argon2id$v=19$m=…,t=…,p=…$salt$key), salt included.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth.HashPassword: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errBadHash = errors.New("auth: not an argon2id hash")

// CheckPassword reports whether pw matches hash, in time that does not
// depend on where they differ. A malformed hash never matches.
func CheckPassword(hash, pw string) bool {
	p, salt, key, err := decodeHash(hash)
	if err != nil {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// dummyHash is checked against when a username does not exist, so that a
// login takes as long whether or not the account exists. It is made at the
// first such login, not at start: argon2id costs tens of milliseconds and
// much memory, which every process that never logs anyone in (nianbao
// render, check, import) would pay.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("nianbao-no-such-user")
	return h
})

// CheckNoUser spends the time of a password check and returns false.
func CheckNoUser(pw string) bool {
	CheckPassword(dummyHash(), pw)
	return false
}

type argonParams struct {
	time, memory uint32
	threads      uint8
}

func decodeHash(hash string) (argonParams, []byte, []byte, error) {
	var p argonParams
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return p, nil, nil, errBadHash
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 || p.time == 0 || p.threads == 0 {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}
