#pragma once

// What `build-training` and `export-training` say about a build of the training examples.

#include "commands.h"
#include "trainingexamplebuilder.h"

namespace ke::ctl {

/// "incremental build: 12 investigation(s), 40 example(s) in 0.02 s", then one
/// "  task: count" line per task.
inline QString describeTrainingBuild(const TrainingExampleBuilder::Stats &s)
{
    QString text = Messages::tr("%1 build: %2 investigation(s), %3 example(s) in %4 s")
                       .arg(s.full ? Messages::tr("full") : Messages::tr("incremental"))
                       .arg(s.investigations)
                       .arg(s.examples)
                       .arg(s.seconds, 0, 'f', 2);
    for (auto it = s.perTask.begin(); it != s.perTask.end(); ++it)
        text += QStringLiteral("\n  %1: %2").arg(it.key()).arg(it.value());
    return text;
}

} // namespace ke::ctl
