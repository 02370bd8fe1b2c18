import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The Ombudsman's feed: one row per escalation, in the store's global order (`feedOrder`). */
@Entity({ name: 'escalation' })
export class EscalationEntity {
  /** Ordinal of the ComplaintEscalated event in the global order; stable across rebuilds. */
  @PrimaryColumn('bigint', { name: 'feed_order' })
  feedOrder!: number;

  /** Id of the ComplaintEscalated event: the escalation's id, stable across rebuilds. */
  @Column('uuid', { name: 'event_id', unique: true })
  eventId!: string;

  @Column('uuid', { name: 'complaint_id', unique: true })
  complaintId!: string;

  @Column('text')
  reason!: string;

  @Column('text')
  source!: string;

  @Column('text', { name: 'agency_code', nullable: true })
  agencyCode!: string | null;

  @Column('timestamptz', { name: 'escalated_at' })
  escalatedAt!: Date;
}
