package textfile_test

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"nianbao/internal/textfile"
)

const sample = "郏县人民政府2021年政府信息公开工作年度报告\n一、总体情况\r\n（一）主动公开 14件　全角空格\n𠮷"

func TestDecode(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sample[:len(sample)-len("𠮷")]))
	if err != nil {
		t.Fatal(err)
	}
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantEnc string
		wantErr error
	}{
		{"utf-8", []byte(sample), sample, textfile.UTF8, nil},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...), sample, textfile.UTF8, nil},
		{"ascii", []byte("1\t2\n"), "1\t2\n", textfile.UTF8, nil},
		{"empty", nil, "", textfile.UTF8, nil},
		{"gbk", gbk, sample[:len(sample)-len("𠮷")], textfile.GB18030, nil},
		{"gb18030 with a four-byte character", gb18030, sample, textfile.GB18030, nil},
		{"utf-16le with BOM", utf16le, sample, textfile.UTF16, nil},
		{"utf-16be with BOM", utf16be, sample, textfile.UTF16, nil},
		{"binary", []byte("PK\x03\x04\x00\x00word/document.xml"), "", "", textfile.ErrBinary},
		{"neither", []byte{0x81, 0x20, 0xFF, 0xFF, 0x80}, "", "", textfile.ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := textfile.Decode(tt.in)
			if !errors.Is(err, tt.wantErr) || got != tt.want || enc != tt.wantEnc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q, %v", got, enc, err, tt.want, tt.wantEnc, tt.wantErr)
			}
		})
	}
}
