// knowledge-bench — measurements with a baseline from the same run. Never part of CI's
// pass/fail. Subcommands register in bench_*.cpp (see bench.h).

#include "bench.h"

#include <QApplication>
#include <QCoreApplication>

#include <QTextStream>
#include <memory>

namespace ke::bench {

QList<Benchmark> &benchmarkRegistry()
{
    static QList<Benchmark> registry;
    return registry;
}

} // namespace ke::bench

int main(int argc, char **argv)
{
    // `gui` measures the window: it needs a QApplication (offscreen when there is no display).
    const bool gui = argc > 1 && qstrcmp(argv[1], "gui") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application = gui
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QTextStream out(stdout);
    QTextStream err(stderr);
    ke::bench::BenchContext ctx{ke::ConnectionSettings::fromEnvironment(), {}, out, err, {}};
    QStringList args = ctx.settings.applyFlags(app.arguments().mid(1));
    if (args.isEmpty() || args.first() == QLatin1String("--help")) {
        out << "usage: knowledge-bench NAME [--size N] [--json]\n";
        for (const auto &b : ke::bench::benchmarkRegistry())
            out << "  " << b.name.leftJustified(12) << b.summary << '\n';
        out.flush();
        return args.isEmpty() ? 2 : 0;
    }
    const QString name = args.takeFirst();
    for (const auto &b : ke::bench::benchmarkRegistry()) {
        if (b.name == name) {
            ctx.args = args;
            ctx.name = name;
            return b.run(ctx);
        }
    }
    err << "knowledge-bench: unknown benchmark '" << name << "'\n";
    return 2;
}
