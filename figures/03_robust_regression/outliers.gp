# Five gross outliers: least squares is pulled away, LAD and Huber are not
# Data: data/outliers/*.csv. Render from this folder with: gnuplot outliers.gp
if (!exists("svgout")) svgout = "outliers.svg"
if (!exists("pngout")) pngout = "outliers.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,600 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Five gross outliers: least squares is pulled away, LAD and Huber are not"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "x"
  set ylabel "y"
  set key top left
  plot "data/outliers/1-1.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "data", \
       "data/outliers/1-2.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#56B4E9" title "gross outliers", \
       "data/outliers/1-3.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "true line y = 1 + 2x", \
       "data/outliers/1-4.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "least squares", \
       "data/outliers/1-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "LAD", \
       "data/outliers/1-6.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "Huber, k = 1.345, MAD scale"
  unset multiplot
  set output
}
