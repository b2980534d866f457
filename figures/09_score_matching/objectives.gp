# Objectives along s_λ = f − λx
# Data: data/objectives/*.csv. Render from this folder with: gnuplot objectives.gp
if (!exists("svgout")) svgout = "objectives.svg"
if (!exists("pngout")) pngout = "objectives.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 640,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 640,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Objectives along s_λ = f − λx"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "λ"
  set ylabel "objective − its minimum"
  set key below
  plot "data/objectives/1-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "Fisher divergence J", \
       "data/objectives/1-2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "L_{SSM} (answer B; answer A is twice it)", \
       "data/objectives/1-3.csv" using 1:2 with lines lw 2 lc rgb "#56B4E9" title "E[(vᵀs)² + vᵀ∇(vᵀs)]: factor 2 lost"
  unset multiplot
  set output
}
