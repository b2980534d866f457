#include "wb/figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "wb/io.hpp"

namespace wb {

namespace {
// Okabe & Ito (2008), colour-blind safe; black last.
const char* const Palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                               "#E69F00", "#56B4E9", "#F0E442", "#000000"};
constexpr int PaletteSize = 8;

// gnuplot strings in double quotes: escape backslash and quote.
std::string gq(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        o += c;
    }
    return o + "\"";
}

// The font of every rendered figure: DejaVu Sans from fonts-dejavu-core, which the
// workbook script installs, so fontconfig never substitutes whatever is there.
constexpr const char* Font = "DejaVu Sans";

bool valid_name(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// The (x, y) points of a series that can sit under a key, in the plot's coordinates.
// A value in axis coordinates: log10 on a log axis (NaN where it has none).
double axis_coord(double v, bool log) { return log ? (v > 0 ? std::log10(v) : NAN) : v; }

// The points a key box could cover, in axis coordinates; a line's segments are sampled
// too, so that a two-point reference line counts.
void collect_points(const Series& se, bool logx, bool logy, std::vector<std::pair<double, double>>& pts) {
    if (se.data.size() < 2) return;
    auto tx = [&](double v) { return axis_coord(v, logx); };
    auto ty = [&](double v) { return axis_coord(v, logy); };
    const bool joined = se.kind == SeriesKind::Line || se.kind == SeriesKind::Dashed ||
                        se.kind == SeriesKind::LinePoints || se.kind == SeriesKind::Steps;
    constexpr int per_segment = 16;
    const auto& x = se.data[0];
    for (std::size_t c = 1; c < se.data.size(); ++c) {
        if (se.kind == SeriesKind::Vectors && c > 1) break;
        if (se.kind == SeriesKind::ErrorBars && c > 1) break;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double xa = tx(x[i]), ya = ty(se.data[c][i]);
            pts.emplace_back(xa, ya);
            if (!joined || i + 1 == x.size()) continue;
            const double xb = tx(x[i + 1]), yb = ty(se.data[c][i + 1]);
            for (int k = 1; k < per_segment; ++k) {
                const double u = k / static_cast<double>(per_segment);
                pts.emplace_back(xa + u * (xb - xa), ya + u * (yb - ya));
            }
        }
        if (se.kind != SeriesKind::Band) break;  // a band's lo and hi both count
    }
}

// Below the plot, in as many columns as surely fit (about 8.5 px a character plus 90 px
// of sample and padding in the 13-pt SVG), with a bottom margin for the tic labels, the
// x label and every row, so that neither covers the other.
std::string below_spec(double panel_w, std::size_t entries, std::size_t longest) {
    const double entry_w = 90.0 + 8.5 * static_cast<double>(longest);
    const auto cols = static_cast<std::size_t>(std::max(1.0, std::floor((panel_w - 40.0) / entry_w)));
    const std::size_t rows = (std::max<std::size_t>(entries, 1) + cols - 1) / cols;
    return fmt::format("below horizontal center maxcols {}; set bmargin {}", cols, rows + 4);
}
}  // namespace

std::string format_number(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "Inf" : "-Inf";
    return fmt::format("{:.12g}", x);
}

namespace {
std::string num(double x) { return format_number(x); }
}  // namespace

Panel& Panel::id(std::string series_id) {
    if (series_.empty()) throw std::logic_error("figure: id(\"" + series_id + "\") before any series");
    if (!valid_name(series_id))
        throw std::invalid_argument("figure series id '" + series_id + "' may use only letters, digits, '_' and '-'");
    series_.back().id = std::move(series_id);
    return *this;
}

// Best: the inside corner whose key box covers the fewest points (none, if it can),
// judged in axis fractions after the log transforms.
std::string Panel::key_spec(std::pair<double, double> panel_px) const {
    std::size_t entries = 0, longest = 0;
    for (const auto& se : series_) {
        // Characters, not bytes: UTF-8 continuation bytes do not count.
        const auto chars = static_cast<std::size_t>(std::count_if(
            se.label.begin(), se.label.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        if (!se.label.empty()) entries++, longest = std::max(longest, chars);
    }
    switch (place_) {
        case KeyPlace::TopRight: return key_.empty() ? "top right" : key_;
        case KeyPlace::TopLeft: return "top left";
        case KeyPlace::BottomRight: return "bottom right";
        case KeyPlace::BottomLeft: return "bottom left";
        case KeyPlace::Outside: return "outside right top vertical";
        case KeyPlace::Below: return below_spec(panel_px.first, entries, longest);
        case KeyPlace::None: return "off";
        case KeyPlace::Best: break;
    }
    if (entries == 0) return "top right";
    std::vector<std::pair<double, double>> pts;
    for (const auto& se : series_) collect_points(se, logx_, logy_, pts);
    auto tx = [&](double v) { return axis_coord(v, logx_); };
    auto ty = [&](double v) { return axis_coord(v, logy_); };
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (const auto& [x, y] : pts) {
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    if (has_xr_) x0 = tx(std::min(xr_.first, xr_.second)), x1 = tx(std::max(xr_.first, xr_.second));
    if (has_yr_) y0 = ty(std::min(yr_.first, yr_.second)), y1 = ty(std::max(yr_.first, yr_.second));
    if (!(x1 > x0) || !(y1 > y0)) return "top right";
    // The key box in axis fractions, sized for the SVG (13 pt, the larger font): about
    // 8 px a character plus 80 px of sample and padding, 17 px an entry, on a plot area
    // of the panel less ~110 px of margins across and ~100 px down.
    const double pw = std::max(100.0, panel_px.first - 110.0), ph = std::max(100.0, panel_px.second - 100.0);
    const double w = std::min(1.0, (80.0 + 8.0 * static_cast<double>(longest)) / pw);
    const double h = std::min(1.0, (10.0 + 17.0 * static_cast<double>(entries)) / ph);
    struct Corner { const char* spec; bool right, top; };
    const Corner corners[] = {{"top right", true, true}, {"top left", false, true},
                              {"bottom right", true, false}, {"bottom left", false, false}};
    const char* best = nullptr;
    std::size_t fewest = SIZE_MAX;
    for (const auto& c : corners) {
        std::size_t n = 0;
        for (const auto& [x, y] : pts) {
            if (!std::isfinite(x) || !std::isfinite(y)) continue;
            const double fx = (x - x0) / (x1 - x0), fy = (y - y0) / (y1 - y0);
            if ((c.right ? fx >= 1 - w : fx <= w) && (c.top ? fy >= 1 - h : fy <= h)) ++n;
        }
        if (n < fewest) fewest = n, best = c.spec;
    }
    return fewest == 0 ? best : below_spec(panel_px.first, entries, longest);
}

Panel& Panel::add(SeriesKind k, std::string label, int colour, std::vector<std::string> cols,
                  std::vector<std::vector<double>> data) {
    for (std::size_t i = 1; i < data.size(); ++i)
        if (data[i].size() != data[0].size())
            throw std::invalid_argument(fmt::format("figure series '{}': columns have different lengths ({} vs {})",
                                                    label, data[0].size(), data[i].size()));
    series_.push_back({k, std::move(label), std::move(cols), std::move(data), colour});
    return *this;
}

Panel& Panel::line(Column x, Column y, std::string label, int colour) {
    return add(SeriesKind::Line, std::move(label), colour, {"x", "y"}, {std::move(x.v), std::move(y.v)});
}
Panel& Panel::dashed(Column x, Column y, std::string label, int colour) {
    return add(SeriesKind::Dashed, std::move(label), colour, {"x", "y"}, {std::move(x.v), std::move(y.v)});
}
Panel& Panel::points(Column x, Column y, std::string label, int colour) {
    return add(SeriesKind::Points, std::move(label), colour, {"x", "y"}, {std::move(x.v), std::move(y.v)});
}
Panel& Panel::linepoints(Column x, Column y, std::string label, int colour) {
    return add(SeriesKind::LinePoints, std::move(label), colour, {"x", "y"}, {std::move(x.v), std::move(y.v)});
}
Panel& Panel::errorbars(Column x, Column y, Column e, std::string label, int colour) {
    return add(SeriesKind::ErrorBars, std::move(label), colour, {"x", "y", "err"},
               {std::move(x.v), std::move(y.v), std::move(e.v)});
}
Panel& Panel::steps(Column edges, Column h, std::string label, int colour) {
    if (edges.v.size() != h.v.size() + 1)
        throw std::invalid_argument("figure steps '" + label + "': need one more edge than heights");
    // gnuplot's `steps` draws each height from its own edge to the next (`fsteps` would
    // shift every bin one to the left); the last height is repeated to reach the last edge.
    h.v.push_back(h.v.empty() ? 0.0 : h.v.back());
    return add(SeriesKind::Steps, std::move(label), colour, {"edge", "height"}, {std::move(edges.v), std::move(h.v)});
}
Panel& Panel::vectors(Column x, Column y, Column dx, Column dy, std::string label, int colour) {
    return add(SeriesKind::Vectors, std::move(label), colour, {"x", "y", "dx", "dy"},
               {std::move(x.v), std::move(y.v), std::move(dx.v), std::move(dy.v)});
}
Panel& Panel::band(Column x, Column lo, Column hi, std::string label, int colour) {
    return add(SeriesKind::Band, std::move(label), colour, {"x", "lo", "hi"},
               {std::move(x.v), std::move(lo.v), std::move(hi.v)});
}
Panel& Panel::heatmap(Column x, Column y, const xt::xtensor<double, 2>& z, std::string label) {
    if (z.shape(0) != y.v.size() || z.shape(1) != x.v.size())
        throw std::invalid_argument("figure heatmap '" + label + "': z must be (len y, len x)");
    std::vector<double> cx, cy, cz;
    for (std::size_t i = 0; i < y.v.size(); ++i)
        for (std::size_t j = 0; j < x.v.size(); ++j) {
            cx.push_back(x.v[j]);
            cy.push_back(y.v[i]);
            cz.push_back(z(i, j));
        }
    return add(SeriesKind::Heatmap, std::move(label), -1, {"x", "y", "z"}, {cx, cy, cz});
}

Figure::Figure(std::string name, std::string title, int rows, int cols)
    : name_(std::move(name)), title_(std::move(title)), rows_(rows), cols_(cols),
      width_(560 * cols), height_(400 * rows), panels_(static_cast<std::size_t>(rows * cols)) {
    if (rows < 1 || cols < 1) throw std::invalid_argument("figure " + name_ + ": rows and cols must be >= 1");
    if (!valid_name(name_))
        throw std::invalid_argument("figure name '" + name_ + "' may use only letters, digits, '_' and '-'");
}

Panel& Figure::panel(int i) {
    if (i < 0 || i >= rows_ * cols_) throw std::out_of_range(fmt::format("figure {}: no panel {}", name_, i));
    return panels_[static_cast<std::size_t>(i)];
}

Figure& Figure::size(int w, int h) {
    width_ = w;
    height_ = h;
    return *this;
}

std::filesystem::path Figure::write(const std::filesystem::path& dir) const {
    std::string gp;
    namespace fs = std::filesystem;
    gp += fmt::format("# {}\n# Data: data/{}/*.csv. Render from this folder with: gnuplot {}.gp\n", title_, name_, name_);
    gp += fmt::format("if (!exists(\"svgout\")) svgout = \"{}.svg\"\n", name_);
    gp += fmt::format("if (!exists(\"pngout\")) pngout = \"{}.png\"\n", name_);
    gp += "set datafile separator \",\"\n";
    gp += "have_png = strstrt(GPVAL_TERMINALS, \"pngcairo\") > 0\n";
    gp += "do for [pass = 1:2] {\n";
    gp += fmt::format("  if (pass == 1) {{ set terminal svg size {},{} dynamic enhanced font \"{},13\" background \"white\"; set output svgout }}\n",
                      width_, height_, Font);
    gp += "  if (pass == 2 && !have_png) { break }\n";
    gp += fmt::format("  if (pass == 2) {{ set terminal pngcairo size {},{} enhanced font \"{},11\" background \"white\"; set output pngout }}\n",
                      width_, height_, Font);
    gp += "  set style line 100 lc rgb \"#d0d0d0\" lt 1 lw 0.5\n  set grid back ls 100\n";
    gp += "  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2\n";
    gp += fmt::format("  set multiplot layout {},{} title {}\n", rows_, cols_, gq(title_));

    const fs::path data_dir = dir / "data" / name_;
    std::set<std::string> written;
    nlohmann::json manifest = {{"name", name_}, {"title", title_}, {"panels", nlohmann::json::array()}};
    for (std::size_t p = 0; p < panels_.size(); ++p) {
        const Panel& pn = panels_[p];
        nlohmann::json mseries = nlohmann::json::array();
        gp += "  reset\n  set datafile separator \",\"\n  set grid back lc rgb \"#d0d0d0\" lw 0.5\n";
        gp += "  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2\n";
        gp += fmt::format("  set title {}\n  set xlabel {}\n  set ylabel {}\n", gq(pn.title_), gq(pn.xlabel_), gq(pn.ylabel_));
        gp += fmt::format("  set key {}\n", pn.key_spec({static_cast<double>(width_) / cols_,
                                                         static_cast<double>(height_) / rows_}));
        if (pn.logx_) gp += "  set logscale x; set format x \"10^{%T}\"\n";
        if (pn.logy_) gp += "  set logscale y; set format y \"10^{%T}\"\n";
        if (pn.has_xr_) gp += fmt::format("  set xrange [{}:{}]\n", num(pn.xr_.first), num(pn.xr_.second));
        if (pn.has_yr_) gp += fmt::format("  set yrange [{}:{}]\n", num(pn.yr_.first), num(pn.yr_.second));
        if (pn.square_) gp += "  set size ratio -1\n";
        if (pn.series_.empty()) {
            gp += "  unset border; unset tics; unset key; plot [0:1][0:1] NaN notitle\n";
            manifest["panels"].push_back({{"title", pn.title_}, {"series", mseries}});
            continue;
        }
        std::vector<std::string> parts;
        int next = 0;
        for (std::size_t s = 0; s < pn.series_.size(); ++s) {
            const Series& se = pn.series_[s];
            const std::string stem = se.id.empty() ? fmt::format("{}-{}", p + 1, s + 1) : se.id;
            if (!written.insert(stem + ".csv").second)
                throw std::invalid_argument(fmt::format("figure {}: two series with the id '{}'", name_, stem));
            const std::string file = fmt::format("data/{}/{}.csv", name_, stem);
            mseries.push_back({{"file", file}, {"label", se.label}, {"columns", se.columns}});
            // Write the CSV with a commented header (gnuplot skips it, people read it).
            std::string csv = "# ";
            for (std::size_t c = 0; c < se.columns.size(); ++c) {
                if (c) csv += ',';
                csv += se.columns[c];
            }
            csv += "\n";
            const std::size_t n = se.data.empty() ? 0 : se.data[0].size();
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t c = 0; c < se.data.size(); ++c) {
                    if (c) csv += ',';
                    csv += num(se.data[c][i]);
                }
                csv += "\n";
            }
            write_file_atomic(dir / file, csv);

            const int ci = se.colour >= 0 ? se.colour : next++;
            const std::string lc = fmt::format("lc rgb \"{}\"", Palette[ci % PaletteSize]);
            const std::string title = se.label.empty() ? "notitle" : "title " + gq(se.label);
            std::string how;
            switch (se.kind) {
                case SeriesKind::Line: how = fmt::format("using 1:2 with lines lw 2 {}", lc); break;
                case SeriesKind::Dashed: how = fmt::format("using 1:2 with lines lw 2 dt 2 {}", lc); break;
                case SeriesKind::Points: how = fmt::format("using 1:2 with points pt 7 ps 0.4 {}", lc); break;
                case SeriesKind::LinePoints: how = fmt::format("using 1:2 with linespoints lw 2 pt 7 ps 0.7 {}", lc); break;
                case SeriesKind::ErrorBars: how = fmt::format("using 1:2:3 with yerrorbars pt 7 ps 0.7 {}", lc); break;
                case SeriesKind::Steps: how = fmt::format("using 1:2 with steps lw 2 {}", lc); break;
                case SeriesKind::Vectors: how = fmt::format("using 1:2:3:4 with vectors head size 0.08,20 filled lw 1 {}", lc); break;
                case SeriesKind::Band: how = fmt::format("using 1:2:3 with filledcurves fs transparent solid 0.25 noborder {}", lc); break;
                case SeriesKind::Heatmap: how = "using 1:2:3 with image"; break;
            }
            parts.push_back(fmt::format("{} {} {}", gq(file), how, title));
        }
        manifest["panels"].push_back({{"title", pn.title_}, {"series", mseries}});
        gp += "  plot ";
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i) gp += ", \\\n       ";
            gp += parts[i];
        }
        gp += "\n";
    }
    gp += "  unset multiplot\n  set output\n}\n";
    write_file_atomic(data_dir / "figure.json", manifest.dump(1) + "\n");
    written.insert("figure.json");
    // Series renamed or dropped since the last run leave no stale file behind.
    for (const auto& e : fs::directory_iterator(data_dir))
        if (e.is_regular_file() && !written.count(e.path().filename().string())) fs::remove(e.path());
    const auto script = dir / (name_ + ".gp");
    write_file_atomic(script, gp);
    return script;
}

// Parallel gnuplot processes for render_figures: WB_RENDER_JOBS (1–16) if set, else 2.
static std::size_t render_jobs() {
    if (const char* v = std::getenv("WB_RENDER_JOBS")) {
        char* end = nullptr;
        const long n = std::strtol(v, &end, 10);
        if (end != v && *end == '\0' && n >= 1 && n <= 16) return static_cast<std::size_t>(n);
    }
    return 2;
}

bool render_figures(const std::filesystem::path& dir, const std::vector<std::string>& names) {
    namespace fs = std::filesystem;
    if (names.empty()) return true;
    static bool warned = false;
    if (!have_program("gnuplot")) {
        if (!warned)
            std::fprintf(stderr,
                         "note: gnuplot is not installed, so figures were not rendered; their data and scripts are in %s "
                         "(render with: cd %s && gnuplot NAME.gp; install with: apt-get install gnuplot-nox)\n",
                         dir.c_str(), shell_quote(dir.string()).c_str());
        warned = true;
        return false;
    }
    // Each figure in a fresh gnuplot, as `gnuplot NAME.gp` renders it (settings of one script
    // survive even `reset` in a shared process); the figures split round-robin over up to
    // WB_RENDER_JOBS queues (two by default), each with its own log.
    const std::string pid = std::to_string(::getpid());
    const std::size_t jobs = std::min(names.size(), render_jobs());
    std::string cmd = "cd " + shell_quote(dir.string()) + " || exit 1; rc=0";
    for (std::size_t j = 0; j < jobs; ++j) {
        cmd += "; { r=0";
        for (std::size_t k = j; k < names.size(); k += jobs) {
            const auto& n = names[k];
            const std::string e = fmt::format("svgout='{}.svg.tmp{}'; pngout='{}.png.tmp{}'", n, pid, n, pid);
            cmd += "; gnuplot -e " + shell_quote(e) + " " + shell_quote(n + ".gp") + " || r=1";
        }
        cmd += fmt::format("; exit $r; }} 2>{} & p{}=$!", shell_quote((dir / fmt::format(".gnuplot.log{}.{}", pid, j)).string()), j);
    }
    for (std::size_t j = 0; j < jobs; ++j) cmd += fmt::format("; wait $p{} || rc=1", j);
    cmd += "; exit $rc";
    const int rc = std::system(cmd.c_str());
    bool ok = rc == 0;
    for (const auto& n : names) {
        for (const char* ext : {".svg", ".png"}) {
            const fs::path tmp = dir / (n + ext + ".tmp" + pid);
            if (!fs::exists(tmp)) continue;
            if (ok && fs::file_size(tmp) > 0) fs::rename(tmp, dir / (n + ext));
            else fs::remove(tmp);
        }
    }
    if (!ok) std::fprintf(stderr, "error: gnuplot failed rendering figures in %s:\n", dir.c_str());
    for (std::size_t j = 0; j < jobs; ++j) {
        const fs::path log = dir / fmt::format(".gnuplot.log{}.{}", pid, j);
        if (!ok) {
            if (FILE* f = std::fopen(log.c_str(), "r")) {
                char buf[512];
                while (std::fgets(buf, sizeof buf, f)) std::fputs(buf, stderr);
                std::fclose(f);
            }
        }
        std::error_code ec;
        fs::remove(log, ec);
    }
    return ok;
}

std::vector<std::filesystem::path> prune_figures(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& names) {
    namespace fs = std::filesystem;
    const std::set<std::string> keep(names.begin(), names.end());
    std::vector<fs::path> gone;
    if (!fs::is_directory(dir)) return gone;
    for (const auto& e : fs::directory_iterator(dir)) {
        const fs::path& p = e.path();
        const std::string ext = p.extension().string(), stem = p.stem().string();
        // A figure is what has a gnuplot script; .svg/.png only go with their .gp.
        const bool figure_file = ext == ".gp" || ((ext == ".svg" || ext == ".png") &&
                                                  fs::exists(dir / (stem + ".gp")));
        if (e.is_regular_file() && figure_file && !keep.count(stem)) gone.push_back(p);
    }
    if (fs::is_directory(dir / "data"))
        for (const auto& e : fs::directory_iterator(dir / "data")) {
            const std::string n = e.path().filename().string();
            if (e.is_directory() ? !keep.count(n) : e.path().extension() == ".csv") gone.push_back(e.path());
        }
    std::sort(gone.begin(), gone.end());
    for (const auto& p : gone) fs::remove_all(p);
    return gone;
}

}  // namespace wb
