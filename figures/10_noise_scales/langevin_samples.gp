# Langevin samples of 0.2·N((−5,−5), I) + 0.8·N((5,5), I)
# Data: data/langevin_samples/*.csv. Render from this folder with: gnuplot langevin_samples.gp
if (!exists("svgout")) svgout = "langevin_samples.svg"
if (!exists("pngout")) pngout = "langevin_samples.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,540 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,540 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Langevin samples of 0.2·N((−5,−5), I) + 0.8·N((5,5), I)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "plain Langevin: 50% in the small mode"
  set xlabel "x₁"
  set ylabel "x₂"
  set key off
  set xrange [-10:10]
  set yrange [-10:10]
  set size ratio -1
  plot "data/langevin_samples/plain.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#CC79A7" title "samples"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "annealed Langevin, T = 100: 24% in the small mode"
  set xlabel "x₁"
  set ylabel "x₂"
  set key off
  set xrange [-10:10]
  set yrange [-10:10]
  set size ratio -1
  plot "data/langevin_samples/annealed.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "samples"
  unset multiplot
  set output
}
