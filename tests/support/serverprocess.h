// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>

namespace pos::test {

// A real server program started for a test, on a free port, with its own SQLite file
// unless DATABASE_URL is given. Killed when the object goes.
class ServerProcess
{
public:
    ServerProcess(const QString &program, const QProcessEnvironment &extra);
    ~ServerProcess();

    // Starts and waits until it listens; false (with output()) when it did not. Started
    // again after it stopped, it listens on the port it had.
    bool start(int timeoutMs = 20000);
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    qint64 pid() const { return m_process.processId(); }
    // Resident memory in KiB, from /proc.
    qint64 residentKiB() const;
    QString output();
    QProcess &process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_program;
    QString m_output;
    quint16 m_port = 0;
};

} // namespace pos::test
