# p_t for b = −x, D = 1 + x² from N(1, ½²): three views
# Data: data/densities/*.csv. Render from this folder with: gnuplot densities.gp
if (!exists("svgout")) svgout = "densities.svg"
if (!exists("pngout")) pngout = "densities.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,450 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,450 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "p_t for b = −x, D = 1 + x² from N(1, ½²): three views"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 0.25"
  set xlabel "x"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 7
  set xrange [-3:4]
  plot "data/densities/fv_1.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "finite volume", \
       "data/densities/em_1.csv" using 1:2 with steps lw 2 lc rgb "#009E73" title "Euler–Maruyama particles", \
       "data/densities/flow_1.csv" using 1:2 with steps lw 2 lc rgb "#CC79A7" title "probability-flow particles"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t = 1.00"
  set xlabel "x"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 7
  set xrange [-3:4]
  plot "data/densities/fv_2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "finite volume", \
       "data/densities/em_2.csv" using 1:2 with steps lw 2 lc rgb "#009E73" title "Euler–Maruyama particles", \
       "data/densities/flow_2.csv" using 1:2 with steps lw 2 lc rgb "#CC79A7" title "probability-flow particles"
  unset multiplot
  set output
}
