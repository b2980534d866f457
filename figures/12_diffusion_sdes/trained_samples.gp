# A diffusion model trained by DSM and sampled with 50 steps
# Data: data/trained_samples/*.csv. Render from this folder with: gnuplot trained_samples.gp
if (!exists("svgout")) svgout = "trained_samples.svg"
if (!exists("pngout")) pngout = "trained_samples.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1300,450 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1300,450 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "A diffusion model trained by DSM and sampled with 50 steps"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "exact draws of p_0"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/trained_samples/draws_1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#0072B2" title "draws"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "trained score, reverse SDE (EM)"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/trained_samples/draws_2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#D55E00" title "draws"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "trained score, probability flow (Heun)"
  set xlabel "x_1"
  set ylabel "x_2"
  set key off
  set xrange [-3.5:3.5]
  set yrange [-3.5:3.5]
  set size ratio -1
  plot "data/trained_samples/draws_3.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "draws"
  unset multiplot
  set output
}
