package greeting

func Hi() string { return "hi" }
