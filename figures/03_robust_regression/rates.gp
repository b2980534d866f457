# Spread of the slope against n: IQR ∝ n^{−1/2}, except OLS under Cauchy errors
# Data: data/rates/*.csv. Render from this folder with: gnuplot rates.gp
if (!exists("svgout")) svgout = "rates.svg"
if (!exists("pngout")) pngout = "rates.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,440 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,440 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "Spread of the slope against n: IQR ∝ n^{−1/2}, except OLS under Cauchy errors"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Normal errors"
  set xlabel "n (sample size)"
  set ylabel "IQR of β̂₁"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/rates/1-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "OLS (slope -0.49)", \
       "data/rates/1-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "Huber (slope -0.50)", \
       "data/rates/1-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "LAD (slope -0.50)", \
       "data/rates/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "OLS, asymptotic"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t₃ errors"
  set xlabel "n (sample size)"
  set ylabel "IQR of β̂₁"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/rates/2-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "OLS (slope -0.44)", \
       "data/rates/2-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "Huber (slope -0.49)", \
       "data/rates/2-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "LAD (slope -0.50)", \
       "data/rates/2-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "OLS, asymptotic"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Cauchy errors"
  set xlabel "n (sample size)"
  set ylabel "IQR of β̂₁"
  set key below horizontal center maxcols 1; set bmargin 8
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/rates/3-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "OLS (slope 0.00)", \
       "data/rates/3-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "Huber (slope -0.49)", \
       "data/rates/3-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "LAD (slope -0.49)", \
       "data/rates/3-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "LAD, asymptotic"
  unset multiplot
  set output
}
