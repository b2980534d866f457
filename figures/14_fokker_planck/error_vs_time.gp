# Kolmogorov distance of each method's particles to the finite-volume p_t
# Data: data/error_vs_time/*.csv. Render from this folder with: gnuplot error_vs_time.gp
if (!exists("svgout")) svgout = "error_vs_time.svg"
if (!exists("pngout")) pngout = "error_vs_time.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Kolmogorov distance of each method's particles to the finite-volume p_t"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "time t"
  set ylabel "sup_x |F_particles − F_FV|"
  set key below horizontal center maxcols 1; set bmargin 7
  set logscale y; set format y "10^{%T}"
  plot "data/error_vs_time/em.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "Euler–Maruyama", \
       "data/error_vs_time/flow.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "probability flow, v = b − ½D′ − ½D∂log p", \
       "data/error_vs_time/naive.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#56B4E9" title "probability flow, v = b − ½D∂log p"
  unset multiplot
  set output
}
