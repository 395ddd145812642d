// GraphQL Yoga sync endpoint and CLI: SQLite by default, PostgreSQL + Redis to scale out.
export {};
