# Test accuracy of a linear softmax classifier under symmetric label noise
# Data: data/noise_accuracy/*.csv. Render from this folder with: gnuplot noise_accuracy.gp
if (!exists("svgout")) svgout = "noise_accuracy.svg"
if (!exists("pngout")) pngout = "noise_accuracy.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Test accuracy of a linear softmax classifier under symmetric label noise"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "noise rate ρ (fraction of training labels changed)"
  set ylabel "test accuracy (± 1 s.e. over repetitions)"
  set key bottom left
  set xrange [-0.02:0.42]
  plot "data/noise_accuracy/ce.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "CE", \
       "data/noise_accuracy/mae.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "MAE", \
       "data/noise_accuracy/gce.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" title "GCE, q = 0.7"
  unset multiplot
  set output
}
