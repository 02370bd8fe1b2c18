import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per complaint for the workflow: when its deadlines next need the scanner (`next_check_at`,
 * the durable schedule every API instance scans), and the facts statistics aggregate. Written only by
 * the complaint-workflow projection; the complaint's state is complaint_summary's.
 */
@Entity({ name: 'complaint_workflow' })
export class ComplaintWorkflowEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId!: string;

  /** Stream revision of the last event applied: replaying an older event is a no-op. */
  @Column('integer')
  version!: number;

  @Index()
  @Column('timestamptz', { name: 'next_check_at', nullable: true })
  nextCheckAt!: Date | null;

  @Column('text', { name: 'agency_code', nullable: true })
  agencyCode!: string | null;

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('text', { name: 'complaint_type' })
  complaintType!: string;

  @Column('text')
  channel!: string;

  @Column('text')
  status!: string;

  @Column('text')
  priority!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column('timestamptz', { name: 'first_response_at', nullable: true })
  firstResponseAt!: Date | null;

  @Column('double precision', { name: 'response_seconds', nullable: true })
  responseSeconds!: number | null;

  @Column('boolean', { name: 'responded_on_time', nullable: true })
  respondedOnTime!: boolean | null;

  @Column('boolean', { name: 'missed_response_deadline' })
  missedResponseDeadline!: boolean;

  @Column('boolean')
  escalated!: boolean;

  @Column('integer', { name: 'sanction_count' })
  sanctionCount!: number;

  @Column('smallint', { nullable: true })
  rating!: number | null;

  @Column('text', { name: 'ombudsman_decision', nullable: true })
  ombudsmanDecision!: string | null;

  @Column('boolean')
  recommended!: boolean;

  @Column('boolean', { name: 'recommendation_implemented' })
  recommendationImplemented!: boolean;

  @Column('boolean', { name: 'recommendation_overdue' })
  recommendationOverdue!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
