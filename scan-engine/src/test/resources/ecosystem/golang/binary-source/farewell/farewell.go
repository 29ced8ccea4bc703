package farewell

func Bye() string { return "bye" }
