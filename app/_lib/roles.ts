export const ROLES = ["learner", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

// Each role can do everything the roles before it can.
const RANK: Record<Role, number> = { learner: 0, instructor: 1, admin: 2 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a user with `role` (as stored in the database) may act as `required`. Unknown roles get nothing. */
export function hasRole(role: string, required: Role): boolean {
  return isRole(role) && RANK[role] >= RANK[required];
}
