# Paths of the reverse-time SDE and the probability-flow ODE (first coordinate)
# Data: data/trajectories/*.csv. Render from this folder with: gnuplot trajectories.gp
if (!exists("svgout")) svgout = "trajectories.svg"
if (!exists("pngout")) pngout = "trajectories.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1300,450 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1300,450 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Paths of the reverse-time SDE and the probability-flow ODE (first coordinate)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "reverse-time SDE (Euler–Maruyama)"
  set xlabel "time t"
  set ylabel "x_1"
  set key off
  set yrange [-3.5:3.5]
  plot "data/trajectories/1-1.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "paths", \
       "data/trajectories/1-2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-3.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-4.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-5.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-6.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-7.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-8.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-9.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-10.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-11.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-12.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-13.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-14.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-15.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-16.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-17.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-18.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-19.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-20.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-21.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-22.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-23.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-24.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/trajectories/1-25.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "probability-flow ODE (Heun)"
  set xlabel "time t"
  set ylabel "x_1"
  set key off
  set yrange [-3.5:3.5]
  plot "data/trajectories/2-1.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "paths", \
       "data/trajectories/2-2.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-3.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-4.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-6.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-7.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-8.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-9.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-10.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-11.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-12.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-13.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-14.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-15.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-16.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-17.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-18.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-19.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-20.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-21.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-22.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-23.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-24.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/trajectories/2-25.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle
  unset multiplot
  set output
}
