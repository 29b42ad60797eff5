from replicate.cli import run

run()
