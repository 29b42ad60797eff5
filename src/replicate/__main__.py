from replicate._start import run

run()
