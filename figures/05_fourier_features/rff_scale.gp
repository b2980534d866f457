# Random Fourier features: test error against the feature scale
# Data: data/rff_scale/*.csv. Render from this folder with: gnuplot rff_scale.gp
if (!exists("svgout")) svgout = "rff_scale.svg"
if (!exists("pngout")) pngout = "rff_scale.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Random Fourier features: test error against the feature scale"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "feature scale s (cycles per unit of x)"
  set ylabel "log10 of the test mean squared error"
  set key top left
  set logscale x; set format x "10^{%T}"
  set yrange [-3:2]
  plot "data/rff_scale/rff.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "32 random frequencies, ridge (mean ± se)", \
       "data/rff_scale/raw.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#E69F00" title "raw inputs (1, x)"
  unset multiplot
  set output
}
