package main

import (
	"example.com/farewell"
	"example.com/greeting"
)

func main() { println(greeting.Hi(), farewell.Bye()) }
