// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverproc.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace pos::bench {

QProcessEnvironment serverEnv(const QString &databaseUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
    env.insert(QStringLiteral("JWT_SECRET"), QLatin1String(kJwtSecret));
    env.insert(QStringLiteral("POS_ADMIN_PASSWORD"), QLatin1String(kAdminPassword));
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("STORE_ID"), QLatin1String(kStoreId));
    env.insert(QStringLiteral("STORE_CODE"), QStringLiteral("ST01"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pos.http.info=false"));
    return env;
}

ServerProc::ServerProc(const QString &program, const QProcessEnvironment &env)
    : m_program(program)
{
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProc::~ServerProc()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool ServerProc::start(int timeoutMs)
{
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

QString ServerProc::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

} // namespace pos::bench
