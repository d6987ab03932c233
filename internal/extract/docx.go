package extract

func readDocx([]byte) (*Document, error) { return nil, ErrNotDocx }
