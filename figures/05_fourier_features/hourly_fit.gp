# Hourly series with 24 h and 168 h cycles: fit by 14 weekly harmonics (first two weeks)
# Data: data/hourly_fit/*.csv. Render from this folder with: gnuplot hourly_fit.gp
if (!exists("svgout")) svgout = "hourly_fit.svg"
if (!exists("pngout")) pngout = "hourly_fit.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1100,420 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1100,420 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Hourly series with 24 h and 168 h cycles: fit by 14 weekly harmonics (first two weeks)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "time t (hours)"
  set ylabel "y_t"
  set key top right
  set yrange [-3.5:4]
  plot "data/hourly_fit/data.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#000000" title "observations", \
       "data/hourly_fit/fit.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "ridge fit on the bank", \
       "data/hourly_fit/truth.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "true signal"
  unset multiplot
  set output
}
