// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Terminal)
};

} // namespace

void MemorySecretStore::read(const QString &key, Read done)
{
    const auto it = m_values.constFind(key);
    Result<QString> answer = it == m_values.cend() ? Result<QString>(fail(ErrorCode::NotFound, key))
                                                   : Result<QString>(*it);
    QTimer::singleShot(0, [done = std::move(done), answer] { done(answer); });
}

void MemorySecretStore::write(const QString &key, const QString &value, Written done)
{
    m_values.insert(key, value);
    QTimer::singleShot(0, [done = std::move(done)] { done({}); });
}

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString &key, Read done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::EntryNotFound) {
            done(fail(ErrorCode::NotFound, j->errorString()));
        } else if (j->error() != QKeychain::NoError) {
            done(fail(ErrorCode::Unavailable,
                      Tr::tr("the keychain is not available: %1").arg(j->errorString())));
        } else {
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Written done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(fail(ErrorCode::Unavailable,
                      Tr::tr("the keychain is not available: %1").arg(j->errorString())));
        } else {
            done({});
        }
    });
    job->start();
}

} // namespace pos
