# Slicing laws in d dimensions: gradient variance and parameter error
# Data: data/pv_ssm/*.csv. Render from this folder with: gnuplot pv_ssm.gp
if (!exists("svgout")) svgout = "pv_ssm.svg"
if (!exists("pngout")) pngout = "pv_ssm.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,480 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,480 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Slicing laws in d dimensions: gradient variance and parameter error"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "total variance of ∇_θ ℓ(θ*; x, v)"
  set xlabel "dimension d"
  set ylabel "tr Cov"
  set key top left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set xrange [1:50]
  plot "data/pv_ssm/1-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "SSM, Gaussian v", \
       "data/pv_ssm/1-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "SSM, Rademacher v", \
       "data/pv_ssm/1-3.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "SSM, sphere v", \
       "data/pv_ssm/1-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "SSM-VR, Gaussian v", \
       "data/pv_ssm/1-5.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "SSM-VR, Rademacher v", \
       "data/pv_ssm/1-6.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#009E73" title "SSM-VR, sphere v", \
       "data/pv_ssm/1-7.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" title "ISM"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "relative error ‖θ̂ − θ*‖/‖θ*‖, n = 2000"
  set xlabel "dimension d"
  set ylabel "relative parameter error"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set xrange [1:50]
  plot "data/pv_ssm/2-1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" notitle, \
       "data/pv_ssm/2-2.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "SSM, Gaussian v", \
       "data/pv_ssm/2-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/pv_ssm/2-4.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "SSM, Rademacher v", \
       "data/pv_ssm/2-5.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" notitle, \
       "data/pv_ssm/2-6.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "SSM, sphere v", \
       "data/pv_ssm/2-7.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#0072B2" title "SSM-VR, Gaussian v", \
       "data/pv_ssm/2-8.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "SSM-VR, Rademacher v", \
       "data/pv_ssm/2-9.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#009E73" title "SSM-VR, sphere v", \
       "data/pv_ssm/2-10.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" title "ISM"
  unset multiplot
  set output
}
