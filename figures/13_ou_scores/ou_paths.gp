# Ornstein–Uhlenbeck paths from x_0 = 1.5 inside the kernel N(m_t x_0, v_t)
# Data: data/ou_paths/*.csv. Render from this folder with: gnuplot ou_paths.gp
if (!exists("svgout")) svgout = "ou_paths.svg"
if (!exists("pngout")) pngout = "ou_paths.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Ornstein–Uhlenbeck paths from x_0 = 1.5 inside the kernel N(m_t x_0, v_t)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "time t"
  set ylabel "x_t"
  set key top right
  set yrange [-2:4]
  plot "data/ou_paths/band.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#0072B2" title "kernel: m_t x_0 ± 2√v_t", \
       "data/ou_paths/1-2.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "Euler–Maruyama paths", \
       "data/ou_paths/1-3.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-4.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-5.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-6.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-7.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-8.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-9.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-10.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-11.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-12.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-13.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-14.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-15.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-16.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-17.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-18.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-19.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-20.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/1-21.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths/mean.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "kernel mean m_t x_0"
  unset multiplot
  set output
}
