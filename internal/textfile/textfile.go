// Package textfile turns an uploaded plain-text file into a string: UTF-8
// (with or without a byte-order mark), UTF-16 with a byte-order mark, or
// GB18030 — which includes GBK and GB2312, the encodings that Chinese
// Windows and WPS save plain text in. It owns that decision and nothing
// else; it imports only golang.org/x/text.
package textfile

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings Decode recognises, as Decode names them.
const (
	UTF8    = "UTF-8"
	UTF16   = "UTF-16"
	GB18030 = "GBK/GB18030"
)

// Errors of Decode, written for the person who chose the file.
var (
	// ErrBinary: the file is not plain text (a Word or PDF file, say).
	ErrBinary = errors.New("这不是纯文本文件（.txt）；Word、WPS或PDF文件请打开后全选、复制，把文字粘贴到文本框中")
	// ErrEncoding: the bytes are neither UTF-8 nor GB18030.
	ErrEncoding = errors.New("无法识别文件的编码：请把文件另存为UTF-8或GBK编码的纯文本（.txt）后再上传，或直接粘贴文字")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns the text of data and the name of the encoding it was
// read in. A byte-order mark decides first; then valid UTF-8 is taken as
// it is; anything else must decode as GB18030 without a single invalid
// sequence, or Decode returns ErrEncoding. Data with NUL bytes (and no
// UTF-16 mark) is ErrBinary.
func Decode(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, UTF16)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, UTF16)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), UTF8, nil
	}
	return decodeWith(simplifiedchinese.GB18030, data, GB18030)
}

// decodeWith decodes data, refusing a result with a replacement character:
// x/text decoders replace what they cannot read rather than fail.
func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", ErrEncoding
	}
	text := strings.TrimPrefix(string(out), "\ufeff")
	if strings.IndexByte(text, 0) >= 0 {
		return "", "", ErrBinary
	}
	return text, name, nil
}
