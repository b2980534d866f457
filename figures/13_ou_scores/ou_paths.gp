# Ornstein–Uhlenbeck paths from x_0 = 1.5 and the kernel N(m_t x_0, v_t)
# Data: data/ou_paths-*.csv. Render from this folder with: gnuplot ou_paths.gp
if (!exists("svgout")) svgout = "ou_paths.svg"
if (!exists("pngout")) pngout = "ou_paths.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "Helvetica,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "Helvetica,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Ornstein–Uhlenbeck paths from x_0 = 1.5 and the kernel N(m_t x_0, v_t)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "time t"
  set ylabel "x_t"
  set key top right
  plot "data/ou_paths-1-1-m_t_x_0_2_v_t.csv" using 1:2:3 with filledcurves fs transparent solid 0.25 noborder lc rgb "#0072B2" title "m_t x_0 ± 2√v_t", \
       "data/ou_paths-1-2-simulated_paths.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "simulated paths", \
       "data/ou_paths-1-3-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-4-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-5-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-6-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-7-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-8-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-9-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-10-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-11-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-12-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-13-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-14-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-15-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-16-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-17-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-18-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-19-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-20-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-21-series.csv" using 1:2 with lines lw 2 lc rgb "#000000" notitle, \
       "data/ou_paths-1-22-m_t_x_0.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "m_t x_0"
  unset multiplot
  set output
}
