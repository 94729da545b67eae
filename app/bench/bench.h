#pragma once

#include "connectionsettings.h"

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace ke::bench {

struct BenchContext
{
    ConnectionSettings settings;
    QStringList args;
    QTextStream &out;
    QTextStream &err;
    QString name; ///< the benchmark's, for its messages ("knowledge-bench NAME: …")
};

struct Benchmark
{
    QString name;
    QString summary;
    std::function<int(BenchContext &)> run;
};

QList<Benchmark> &benchmarkRegistry();

struct BenchmarkRegistrar
{
    explicit BenchmarkRegistrar(Benchmark b) { benchmarkRegistry().append(std::move(b)); }
};

} // namespace ke::bench
