return require("bad.self")
