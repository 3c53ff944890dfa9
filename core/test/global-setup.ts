import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createDb } from '../src/db/create-db.ts'
import { coreMigrations } from '../src/db/migrations/index.ts'

/**
 * On the PostgreSQL leg, migrates a template database once; each test file then gets its own
 * database copied from it (see `test/db.ts`), so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  const url = testPostgresUrl()
  if (!url) return
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query('drop database if exists mallkit_template')
  await admin.query('create database mallkit_template')
  await admin.end()
  const handle = await createDb({ kind: 'postgres', url: withDatabase(url, 'mallkit_template') })
  await handle.migrate([coreMigrations])
  await handle.close()
  project.provide('postgresUrl', url)
}

export function testPostgresUrl(): string | undefined {
  return process.env.MALLKIT_TEST_DB === 'postgres'
    ? process.env.MALLKIT_TEST_DATABASE_URL
    : undefined
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}
