import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Complaint } from '#aduan/complaints';

/**
 * One row per complaint: the complaint's full state as of `version`, plus the columns that
 * queries filter and sort on. Written only by the complaint-summary projection.
 */
@Entity({ name: 'complaint_summary' })
export class ComplaintSummaryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column('text', { name: 'tracking_code' })
  trackingCode!: string;

  @Index()
  @Column('text')
  status!: string;

  @Column('text', { name: 'complaint_type' })
  complaintType!: string;

  @Column('text')
  channel!: string;

  @Column('text', { name: 'requested_agency_code', nullable: true })
  requestedAgencyCode!: string | null;

  @Index()
  @Column('text', { name: 'assigned_agency_code', nullable: true })
  assignedAgencyCode!: string | null;

  /** Every agency the complaint was assigned to; an agency keeps sight of what it passed on. */
  @Column('text', { name: 'assignment_trail', array: true })
  assignmentTrail!: string[];

  @Index()
  @Column('text', { name: 'reporter_id', nullable: true })
  reporterId!: string | null;

  @Column('boolean')
  anonymous!: boolean;

  @Column('boolean')
  confidential!: boolean;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  /** Stream revision of the last event applied: replaying an older event is a no-op. */
  @Column('integer')
  version!: number;

  /** Place of the submit event in the global order: the stable sort key for paging. */
  @Index({ unique: true })
  @Column('bigint', { name: 'list_order' })
  listOrder!: number;

  @Column('jsonb')
  state!: Complaint;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
