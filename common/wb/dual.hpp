// Forward-mode dual numbers: x + ε ẋ with ε² = 0.
//
// Evaluating f at x + ε v gives f(x) + ε ∇f(x)·v in one pass, so the directional
// derivative vᵀ∇ₓ(vᵀ s(x)) that sliced score matching needs costs one forward pass,
// not a full Jacobian.
#pragma once

#include <cmath>

namespace wb {

template <class T = double>
struct Dual {
    T v{};  // value
    T d{};  // derivative along the seeded direction
    constexpr Dual() = default;
    constexpr Dual(T value) : v(value) {}  // constants have zero derivative
    constexpr Dual(T value, T deriv) : v(value), d(deriv) {}

    Dual& operator+=(const Dual& o) { v += o.v; d += o.d; return *this; }
    Dual& operator-=(const Dual& o) { v -= o.v; d -= o.d; return *this; }
    Dual& operator*=(const Dual& o) { d = d * o.v + v * o.d; v *= o.v; return *this; }
    Dual& operator/=(const Dual& o) { d = (d * o.v - v * o.d) / (o.v * o.v); v /= o.v; return *this; }
};

template <class T> Dual<T> operator+(Dual<T> a, const Dual<T>& b) { return a += b; }
template <class T> Dual<T> operator-(Dual<T> a, const Dual<T>& b) { return a -= b; }
template <class T> Dual<T> operator*(Dual<T> a, const Dual<T>& b) { return a *= b; }
template <class T> Dual<T> operator/(Dual<T> a, const Dual<T>& b) { return a /= b; }
template <class T> Dual<T> operator+(Dual<T> a, T b) { return a += Dual<T>(b); }
template <class T> Dual<T> operator+(T a, Dual<T> b) { return b += Dual<T>(a); }
template <class T> Dual<T> operator-(Dual<T> a, T b) { return a -= Dual<T>(b); }
template <class T> Dual<T> operator-(T a, const Dual<T>& b) { return Dual<T>(a) - b; }
template <class T> Dual<T> operator*(Dual<T> a, T b) { return {a.v * b, a.d * b}; }
template <class T> Dual<T> operator*(T a, Dual<T> b) { return {a * b.v, a * b.d}; }
template <class T> Dual<T> operator/(Dual<T> a, T b) { return {a.v / b, a.d / b}; }
template <class T> Dual<T> operator/(T a, const Dual<T>& b) { return Dual<T>(a) / b; }
template <class T> Dual<T> operator-(const Dual<T>& a) { return {-a.v, -a.d}; }
template <class T> bool operator<(const Dual<T>& a, const Dual<T>& b) { return a.v < b.v; }
template <class T> bool operator>(const Dual<T>& a, const Dual<T>& b) { return a.v > b.v; }

// Chain rule for the elementary functions: f(x + εẋ) = f(x) + ε f'(x) ẋ.
template <class T> Dual<T> exp(const Dual<T>& a) { const T e = std::exp(a.v); return {e, e * a.d}; }
template <class T> Dual<T> log(const Dual<T>& a) { return {std::log(a.v), a.d / a.v}; }
template <class T> Dual<T> sqrt(const Dual<T>& a) { const T s = std::sqrt(a.v); return {s, a.d / (2 * s)}; }
template <class T> Dual<T> sin(const Dual<T>& a) { return {std::sin(a.v), std::cos(a.v) * a.d}; }
template <class T> Dual<T> cos(const Dual<T>& a) { return {std::cos(a.v), -std::sin(a.v) * a.d}; }
template <class T> Dual<T> tanh(const Dual<T>& a) { const T t = std::tanh(a.v); return {t, (1 - t * t) * a.d}; }
template <class T> Dual<T> pow(const Dual<T>& a, T p) { return {std::pow(a.v, p), p * std::pow(a.v, p - 1) * a.d}; }
template <class T> Dual<T> abs(const Dual<T>& a) { return a.v < 0 ? -a : a; }

// Lifts scalar formulas written with these names to both double and Dual.
using std::cos;
using std::exp;
using std::log;
using std::sin;
using std::sqrt;
using std::tanh;

}  // namespace wb
