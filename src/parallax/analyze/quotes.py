def extract_quotes(*a): return ()
