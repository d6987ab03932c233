package extract

import "errors"

func readPDF([]byte) (*Document, error) { return nil, errors.New("PDF：尚未支持") }
