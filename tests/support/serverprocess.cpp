// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

namespace pos::test {

ServerProcess::ServerProcess(const QString &program, const QProcessEnvironment &extra)
    : m_program(program)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE_URL"),
               QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("server.db")));
    env.insert(QStringLiteral("JWT_SECRET"),
               QStringLiteral("process-test-secret-0123456789abcdef"));
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("HOST"), QStringLiteral("0.0.0.0"));
    env.insert(extra);
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start(int timeoutMs)
{
    if (m_port != 0) {
        // Started again: the same port, so whoever knew its address still finds it.
        QProcessEnvironment env = m_process.processEnvironment();
        env.insert(QStringLiteral("PORT"), QString::number(m_port));
        m_process.setProcessEnvironment(env);
    }
    m_output.clear();
    m_process.start(m_program, {});
    if (!m_process.waitForStarted(timeoutMs)) {
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on port (\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_output += QString::fromUtf8(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
    }
    return false;
}

QString ServerProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(m_port);
}

qint64 ServerProcess::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

QString ServerProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

} // namespace pos::test
