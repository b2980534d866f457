# dX = −X^3 dt + dW, h = 0.3: the same increments
# Data: data/cubic_paths/*.csv. Render from this folder with: gnuplot cubic_paths.gp
if (!exists("svgout")) svgout = "cubic_paths.svg"
if (!exists("pngout")) pngout = "cubic_paths.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1120,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1120,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "dX = −X^3 dt + dW, h = 0.3: the same increments"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Euler–Maruyama"
  set xlabel "t"
  set ylabel "X_t"
  set key bottom right
  set yrange [-8:8]
  plot "data/cubic_paths/1-1.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "explodes under EM", \
       "data/cubic_paths/1-2.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" notitle, \
       "data/cubic_paths/1-3.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" notitle, \
       "data/cubic_paths/1-4.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "does not", \
       "data/cubic_paths/1-5.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/cubic_paths/1-6.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/cubic_paths/1-7.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/cubic_paths/1-8.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "tamed Euler–Maruyama"
  set xlabel "t"
  set ylabel "X_t"
  set key bottom right
  set yrange [-8:8]
  plot "data/cubic_paths/2-1.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "explodes under EM", \
       "data/cubic_paths/2-2.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" notitle, \
       "data/cubic_paths/2-3.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" notitle, \
       "data/cubic_paths/2-4.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "does not", \
       "data/cubic_paths/2-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/cubic_paths/2-6.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/cubic_paths/2-7.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/cubic_paths/2-8.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle
  unset multiplot
  set output
}
