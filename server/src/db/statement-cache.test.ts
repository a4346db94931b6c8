import SQLite from 'better-sqlite3';
import { expect, test } from 'vitest';
import { cachePreparedStatements } from './statement-cache';

test('cachePreparedStatements: when the same SQL is prepared again, then the compiled statement is reused and answers with the new parameters', () => {
  const db = new SQLite(':memory:');
  cachePreparedStatements(db);
  db.exec('create table t (n integer)');

  const insert = db.prepare('insert into t (n) values (?)');
  insert.run(1);
  db.prepare('insert into t (n) values (?)').run(2);

  expect(db.prepare('insert into t (n) values (?)')).toBe(insert);
  expect(db.prepare('select n from t where n > ? order by n').all(0)).toEqual([{ n: 1 }, { n: 2 }]);
  expect(db.prepare('select n from t where n > ? order by n').all(1)).toEqual([{ n: 2 }]);
});

test('cachePreparedStatements: when more SQL texts than the limit are prepared, then the least recently used is compiled again', () => {
  const db = new SQLite(':memory:');
  cachePreparedStatements(db, 2);
  const a = db.prepare('select 1');
  const b = db.prepare('select 2');
  expect(db.prepare('select 1')).toBe(a); // now the most recent: 'select 2' goes first

  db.prepare('select 3');

  expect(db.prepare('select 1')).toBe(a);
  expect(db.prepare('select 2')).not.toBe(b);
});

test('cachePreparedStatements: when the schema changes, then a cached statement sees the new columns', () => {
  const db = new SQLite(':memory:');
  cachePreparedStatements(db);
  db.exec('create table t (a integer); insert into t values (1)');
  expect(db.prepare('select * from t').all()).toEqual([{ a: 1 }]);

  db.exec('alter table t add column b text');

  expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }]);
});
