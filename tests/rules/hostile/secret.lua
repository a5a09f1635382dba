-- Outside lib/: require must never reach this file.
return { secret = "leaked" }
