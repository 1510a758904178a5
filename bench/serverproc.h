// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>

namespace pos::bench {

// A server program run for a scenario: started with its environment on a free port,
// stopped (SIGTERM, then SIGKILL) when the object goes.
class ServerProc
{
public:
    ServerProc(const QString &program, const QProcessEnvironment &env);
    ~ServerProc();
    bool start(int timeoutMs = 120000); // a big catalog migrates and loads first
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString output();
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QString m_program;
    QString m_output;
    quint16 m_port = 0;
};

// The environment every server gets: a database, a secret and the admin's password.
QProcessEnvironment serverEnv(const QString &databaseUrl);
inline constexpr const char *kAdminPassword = "bench-admin-password-1";
inline constexpr const char *kJwtSecret = "bench-jwt-secret-0123456789abcdef0123456789";
inline constexpr const char *kStoreId = "6f1c3a52-0000-4000-8000-00000000a001";

} // namespace pos::bench
