// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

namespace pos::test {

// A TCP proxy in front of a server that cuts some connections in the middle of the
// server's answer: the request has arrived (and may have been acted on), part of the
// answer has gone out, then both sides are aborted. Stores talk to HQ through it.
class CuttingProxy : public QObject
{
    Q_OBJECT

public:
    CuttingProxy(quint16 target, quint32 seed, QObject *parent = nullptr);

    bool listen();
    QString baseUrl() const;
    // The share of connections cut (0..1), decided when the answer starts coming back.
    void setCutRate(double rate) { m_cutRate = rate; }
    int cuts() const { return m_cuts; }
    int connections() const { return m_connections; }

private:
    void accept();
    void pipe(QTcpSocket *client, QTcpSocket *server);

    QTcpServer m_server;
    quint16 m_target;
    QRandomGenerator m_random;
    double m_cutRate = 0.0;
    int m_cuts = 0;
    int m_connections = 0;
};

} // namespace pos::test
